import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { JsonObject } from '../../subscriber';
import type { OperationContext } from '../common';
import {
	activeProperty,
	displayNameProperty,
	msisdnProperty,
	newPassword,
	outputOptions,
	outputProperty,
	passwordLengthProperty,
	profileChanges,
	profileProperty,
	readMsisdn,
	readPassword,
	shape,
	show,
} from '../common';

/** Shared by Create and Create or Update. */
export const passwordProperties = (operation: string[], setDescription: string): INodeProperties[] => [
	{
		displayName: 'SIP Password',
		name: 'passwordMode',
		type: 'options',
		default: 'generate',
		displayOptions: show(operation),
		options: [
			{
				name: 'Generate a Strong Password',
				value: 'generate',
				description: 'A random password from a cryptographic generator (see "Generated Password Length")',
			},
			{ name: 'Set a Password', value: 'set', description: 'Use the password you enter or map' },
		],
		description: 'How the SIP password of a new subscriber is chosen',
	},
	{
		displayName: 'Password',
		name: 'sipPassword',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		displayOptions: { show: { ...show(operation).show, passwordMode: ['set'] } },
		description: setDescription,
	},
];

export const description: INodeProperties[] = [
	msisdnProperty(['create'], 'The new subscriber\'s MSISDN: its number and SIP username, e.g. the extension number'),
	...passwordProperties(['create'], 'The SIP password of the new subscriber'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['create']),
		options: [
			activeProperty(
				'Whether the subscriber is active. Cloudonix creates subscribers active; an inactive one is created and then deactivated (two requests).',
			),
			displayNameProperty,
			passwordLengthProperty,
			profileProperty,
		],
	},
	outputProperty(['create']),
];

/** Reads the create body of one item; throws on bad input before any request. */
export function createBody(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): JsonObject {
	const msisdn = readMsisdn(ctx, itemIndex);
	const mode = ctx.getNodeParameter('passwordMode', itemIndex, 'generate') as 'generate' | 'set';
	const sipPassword =
		mode === 'set'
			? readPassword(ctx, ctx.getNodeParameter('sipPassword', itemIndex, ''), itemIndex)
			: newPassword(ctx, fields, itemIndex);
	const body: JsonObject = { msisdn, sipPassword };
	const profile = profileChanges(ctx, fields, itemIndex);
	if (profile) body.profile = profile;
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number, { client }: OperationContext) {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = createBody(this, itemIndex, fields);
	const { subscriber, outcome } = await client.create(body, itemIndex);
	if (outcome === 'exists') {
		throw new NodeOperationError(
			this.getNode(),
			`A Cloudonix subscriber with MSISDN ${String(body.msisdn)} already exists (ID ${String(subscriber.id)})`,
			{ itemIndex, description: 'Use "Create or Update" to update existing subscribers instead.' },
		);
	}
	let result = subscriber;
	// SPEC25's create body has no "active": create, then deactivate.
	if (fields.active === false) result = await client.update(String(subscriber.id), { active: false }, itemIndex);
	return shape(result, outputOptions(this, itemIndex));
}
