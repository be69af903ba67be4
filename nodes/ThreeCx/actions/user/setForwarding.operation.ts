import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { getAllPages, threeCxRequest, userPath } from '../../transport';
import type { Destination } from './forwarding';
import { describeDestination, forwardAllCalls } from './forwarding';
import { resolveUser, showUser, userKey, userLocatorField } from './locator';

const OPERATION = ['setForwarding'];
const show = (extra: Record<string, string[]> = {}): IDisplayOptions => ({ show: { resource: ['user'], operation: OPERATION, ...extra } });

/** The forwarding profiles ("statuses") of a 3CX V20 user. */
const PROFILE_OPTIONS = ['Available', 'Away', 'Out of office', 'Custom 1', 'Custom 2'].map((name) => ({ name, value: name }));

export const description: INodeProperties[] = [
	userLocatorField(showUser(OPERATION)),
	{
		displayName: 'Forward To',
		name: 'destinationType',
		type: 'options',
		default: 'extension',
		displayOptions: show(),
		options: [
			{ name: 'Extension', value: 'extension', description: 'Another extension, e.g. the manager\'s' },
			{ name: 'External Number', value: 'external', description: 'A number outside the PBX, e.g. a mobile' },
			{ name: 'Own Voicemail', value: 'voicemail', description: 'The user\'s own voicemail (the V20 default for unanswered calls)' },
		],
		description: 'Where every call to this user goes',
	},
	{
		displayName: 'Extension Number',
		name: 'destinationNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 200',
		displayOptions: show({ destinationType: ['extension'] }),
		description: 'The extension that gets the calls',
	},
	{
		displayName: 'External Number',
		name: 'destinationExternal',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +4915112345678',
		displayOptions: show({ destinationType: ['external'] }),
		description: 'The number that gets the calls, as dialled from the PBX',
	},
	{
		displayName: 'Profiles',
		name: 'profiles',
		type: 'multiOptions',
		options: PROFILE_OPTIONS,
		default: ['Available', 'Away', 'Out of office', 'Custom 1', 'Custom 2'],
		displayOptions: show(),
		description: 'Forwarding profiles (statuses) to change; all by default, so the forward holds whatever status the user is in',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(),
		options: [
			{
				displayName: 'No Answer Timeout (Seconds)',
				name: 'noAnswerTimeout',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 600 },
				default: 20,
				description: 'How long a call rings the user before it is forwarded as unanswered',
			},
		],
	},
];

function destination(ctx: IExecuteFunctions, itemIndex: number, ownNumber: () => Promise<string>): Promise<Destination> | Destination {
	const type = ctx.getNodeParameter('destinationType', itemIndex) as 'extension' | 'external' | 'voicemail';
	if (type === 'extension') {
		const number = String(ctx.getNodeParameter('destinationNumber', itemIndex, '') ?? '').trim();
		if (!/^[0-9*#]{1,16}$/.test(number)) {
			throw new NodeOperationError(ctx.getNode(), `"Extension Number" must be an extension number (digits) in item ${itemIndex}, got ${JSON.stringify(number)}`, { itemIndex });
		}
		return { To: 'Extension', Number: number };
	}
	if (type === 'external') {
		const raw = String(ctx.getNodeParameter('destinationExternal', itemIndex, '') ?? '').trim();
		const number = raw.replace(/[\s().-]/g, '');
		if (!/^\+?[0-9]{3,20}$/.test(number)) {
			throw new NodeOperationError(ctx.getNode(), `"External Number" must be a phone number in item ${itemIndex}, got ${JSON.stringify(raw)}`, { itemIndex });
		}
		return { To: 'External', External: number };
	}
	return ownNumber().then((number) => ({ To: 'VoiceMail', Number: number }));
}

/**
 * Read-modify-write of the forwarding profiles: GET /Users({Id})/ForwardingProfiles, then
 * PATCH /Users({Id}) with `ForwardingProfiles: [{Id, AvailableRoute, AwayRoute}]` for the
 * chosen profiles, each route built from the profile as read so properties the node does not
 * set survive. XAPI has no endpoint for one profile; the PATCH goes through the user.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	userKey(this, itemIndex);
	const chosen = this.getNodeParameter('profiles', itemIndex, []) as string[];
	if (!Array.isArray(chosen) || chosen.length === 0) {
		throw new NodeOperationError(this.getNode(), `"Profiles" is empty in item ${itemIndex}: choose at least one forwarding profile`, { itemIndex });
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	let user: { id: number; number?: string } | undefined;
	const resolve = async () => {
		if (!user) user = await resolveUser(this, itemIndex);
		return user;
	};
	const ownNumber = async () => {
		const { id, number } = await resolve();
		if (number !== undefined) return number;
		const record = await threeCxRequest.call(this, { path: userPath({ id }), qs: { $select: 'Id,Number' } }, itemIndex);
		return String(record.Number);
	};
	const target = await destination(this, itemIndex, ownNumber);
	const { id } = await resolve();

	const { records: profiles } = await getAllPages.call(this, `/Users(${id})/ForwardingProfiles`, { qs: {}, orderBy: 'Id' }, itemIndex);
	const missing = chosen.filter((name) => !profiles.some((p) => p.Name === name));
	if (missing.length) {
		throw new NodeOperationError(this.getNode(), `User ${id} has no forwarding profile named ${missing.map((m) => `"${m}"`).join(', ')} (item ${itemIndex})`, {
			itemIndex,
			description: `The PBX returned: ${profiles.map((p) => `"${String(p.Name)}"`).join(', ') || 'no profiles'}. Nothing was changed.`,
		});
	}
	const changes = profiles
		.filter((profile) => chosen.includes(String(profile.Name)))
		.map((profile) => forwardAllCalls(profile, { destination: target, noAnswerTimeout: typeof options.noAnswerTimeout === 'number' ? options.noAnswerTimeout : undefined }));
	await threeCxRequest.call(this, { method: 'PATCH', path: userPath({ id }), body: { ForwardingProfiles: changes } }, itemIndex);
	return {
		id: String(id),
		forwardTo: describeDestination(target),
		destination: target,
		profiles: chosen,
	};
}
