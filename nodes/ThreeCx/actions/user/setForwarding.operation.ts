import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { checkNotOwnExtension, describeDestination, forwardingDestination, forwardProfiles, NO_ANSWER_TIMEOUT, readNoAnswerTimeout } from '../../helpers/forwarding';
import type { UserRef } from '../../helpers/locator';
import { resolveUser, userKey } from '../../helpers/locator';
import { request } from '../../transport';
import { userPath } from '../../transport/odata';
import { userLocatorField } from './descriptions';

/** The forwarding profiles ("statuses") of a 3CX V20 user. */
const PROFILE_OPTIONS = ['Available', 'Away', 'Out of office', 'Custom 1', 'Custom 2'].map((name) => ({ name, value: name }));

const properties: INodeProperties[] = [
	userLocatorField(),
	{
		displayName: 'Forward To',
		name: 'destinationType',
		type: 'options',
		default: 'extension',
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
		displayOptions: { show: { destinationType: ['extension'] } },
		description: 'The extension that gets the calls',
	},
	{
		displayName: 'External Number',
		name: 'destinationExternal',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +4915112345678',
		displayOptions: { show: { destinationType: ['external'] } },
		description: 'The number that gets the calls, as dialled from the PBX',
	},
	{
		displayName: 'Profiles',
		name: 'profiles',
		type: 'multiOptions',
		options: PROFILE_OPTIONS,
		default: ['Available', 'Away', 'Out of office', 'Custom 1', 'Custom 2'],
		description: 'Forwarding profiles (statuses) to change; all by default, so the forward holds whatever status the user is in',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'No Answer Timeout (Seconds)',
				name: 'noAnswerTimeout',
				type: 'number',
				typeOptions: { minValue: NO_ANSWER_TIMEOUT.min, maxValue: NO_ANSWER_TIMEOUT.max },
				default: 20,
				description: 'How long a call rings the user before it is forwarded as unanswered',
			},
		],
	},
];

const displayOptions = { show: { resource: ['user'], operation: ['setForwarding'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * Read-modify-write of the forwarding profiles: GET /Users({Id})/ForwardingProfiles, then
 * PATCH /Users({Id}) with `ForwardingProfiles: [{Id, AvailableRoute, AwayRoute}]` for the
 * chosen profiles, each route built from the profile as read so properties the node does not
 * set survive, and read back until it holds (helpers/forwarding.ts). XAPI has no endpoint for
 * one profile; the PATCH goes through the user.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	userKey(this, itemIndex);
	const chosen = this.getNodeParameter('profiles', itemIndex, []) as string[];
	if (!Array.isArray(chosen) || chosen.length === 0) {
		throw new NodeOperationError(this.getNode(), `"Profiles" is empty in item ${itemIndex}: choose at least one forwarding profile`, { itemIndex });
	}
	const noAnswerTimeout = readNoAnswerTimeout(this, itemIndex);
	let user: UserRef | undefined;
	const resolve = async () => {
		if (!user) user = await resolveUser(this, itemIndex);
		return user;
	};
	const ownNumber = async () => {
		const { id, number } = await resolve();
		if (number !== undefined) return number;
		const record = await request(this, { path: userPath({ id }), qs: { $select: 'Id,Number' } }, itemIndex);
		return String(record.Number);
	};
	const target = await forwardingDestination(this, itemIndex, ownNumber);
	if (target.To === 'Extension') checkNotOwnExtension(this, itemIndex, target, await ownNumber());
	const { id } = await resolve();
	await forwardProfiles(this, itemIndex, id, chosen, { destination: target, noAnswerTimeout });
	return { id: String(id), forwardTo: describeDestination(target), destination: target, profiles: chosen };
}
