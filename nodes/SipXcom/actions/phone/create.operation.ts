import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import { requiredString } from '../../helpers/parameters';
import { normaliseMac, readPhone } from '../../helpers/phone';
import { request } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'MAC Address',
		name: 'serialNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 00:04:f2:ae:48:38',
		description: 'Serial number (MAC) of the phone; separators are removed and letters lower-cased',
	},
	{
		displayName: 'Model Name or ID',
		name: 'modelId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPhoneModels' },
		default: '',
		required: true,
		description:
			'Phone model as sipXcom knows it (e.g. polycomVVX400). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'Free text shown in the phone list',
			},
			{
				displayName: 'Device Version',
				name: 'deviceVersion',
				type: 'string',
				default: '',
				placeholder: 'e.g. polycom4.1.X',
				description: 'Firmware family of the model (one of the model\'s versions)',
			},
		],
	},
];

const displayOptions = { show: { resource: ['phone'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const rawSerial = requiredString(this, 'serialNumber', 'MAC Address', itemIndex);
	const serialNo = normaliseMac(rawSerial);
	if (!serialNo) {
		throw new NodeOperationError(this.getNode(), `"MAC Address" value "${rawSerial}" is not a MAC address (item ${itemIndex})`, {
			itemIndex,
			description: 'Use 12 hex digits, with or without ":" or "-" separators.',
		});
	}
	const modelId = requiredString(this, 'modelId', 'Model Name or ID', itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as { description?: string; deviceVersion?: string };
	const body: IDataObject = { serialNo, model: { modelId } };
	if (fields.description) body.description = fields.description;
	if (fields.deviceVersion) body.deviceVersion = fields.deviceVersion;
	await request(this, { api: 'json', method: 'POST', path: '/phones', body, idempotent: false }, itemIndex);
	// The create answer carries no record; read the phone back by its MAC.
	return await readPhone(this, serialNo, itemIndex);
}
