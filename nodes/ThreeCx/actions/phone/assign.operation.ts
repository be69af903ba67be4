import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import { includeSecretsProperty, readIncludeSecrets } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { resolveUser } from '../../helpers/locator';
import { assignPhone, macParameter, PHONE_SECRET_FIELDS, stripPhoneSecrets } from '../../helpers/phone';
import { userLocatorField } from '../user/descriptions';
import { macField } from './descriptions';

const properties: INodeProperties[] = [
	userLocatorField(),
	macField(),
	{
		displayName: 'Template Name or ID',
		name: 'templateName',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPhoneTemplates' },
		required: true,
		default: '',
		description:
			'Provisioning template of the phone model (Pbx.Phone.TemplateName). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			includeSecretsProperty({
				keeps: "the phone's provisioning links and settings secret",
				fields: PHONE_SECRET_FIELDS,
				note: 'The links embed the secret path the phone loads its SIP credentials from.',
			}),
			{
				displayName: 'Phone Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Name of the phone as the admin console shows it; by default the PBX names it after the template',
			},
		],
	},
];

const displayOptions = { show: { resource: ['phone'], operation: ['assign'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * Read-modify-write of the user's Phones: GET /Users({Id})?$expand=Phones, then PATCH
 * /Users({Id}) with the user's other phones by Id (Phones replaces the whole list) and this
 * one; read back, and written again from fresh data if another writer undid it
 * (helpers/phone.ts). A phone with the same MAC and template is left alone (no PATCH,
 * changed: false); with another template it is changed in place.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const mac = macParameter(this, itemIndex);
	const template = String(this.getNodeParameter('templateName', itemIndex) ?? '').trim();
	if (template === '') {
		throw new NodeOperationError(this.getNode(), `"Template Name or ID" is empty in item ${itemIndex}`, { itemIndex });
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const name = typeof options.name === 'string' ? options.name.trim() : '';
	const user = await resolveUser(this, itemIndex);
	const { number, changed, phone } = await assignPhone(this, itemIndex, user.id, { mac, template, name });
	return { userId: String(user.id), number, changed, phone: stripPhoneSecrets(phone, readIncludeSecrets(this, itemIndex)) };
}
