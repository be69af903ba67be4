import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { includeSecretsProperty, readIncludeSecrets } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { resolveUser } from '../../helpers/locator';
import { sameMac } from '../../helpers/mac';
import { macParameter, PHONE_SECRET_FIELDS, stripPhoneSecrets, userPhones } from '../../helpers/phone';
import { request } from '../../transport';
import { userPath } from '../../transport/odata';
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

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * Read-modify-write of the user's Phones: GET /Users({Id})?$expand=Phones, then PATCH
 * /Users({Id}) with the phones as read plus this one (Phones replaces the whole list, so the
 * user's other phones are sent back unchanged). A phone with the same MAC and template is left
 * alone (no PATCH, changed: false); with another template it is changed in place.
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
	const { phones } = await userPhones(this, user.id, itemIndex);
	const existing = phones.find((phone) => sameMac(phone.MacAddress, mac));
	const unchanged = existing && existing.TemplateName === template && (name === '' || existing.Name === name);
	if (!unchanged) {
		const wanted: IDataObject = { ...(existing ?? {}), MacAddress: mac, TemplateName: template };
		if (name !== '') wanted.Name = name;
		const next = existing ? phones.map((phone) => (phone === existing ? wanted : phone)) : [...phones, wanted];
		await request(this, { method: 'PATCH', path: userPath({ id: user.id }), body: { Phones: next } }, itemIndex);
	}
	const after = await userPhones(this, user.id, itemIndex);
	const phone = after.phones.find((p) => sameMac(p.MacAddress, mac));
	if (!phone) {
		throw new NodeOperationError(this.getNode(), `The PBX accepted the phone ${mac} but does not list it for user ${user.id}`, { itemIndex });
	}
	return { userId: String(user.id), number: after.number, changed: !unchanged, phone: stripPhoneSecrets(phone, readIncludeSecrets(this, itemIndex)) };
}
