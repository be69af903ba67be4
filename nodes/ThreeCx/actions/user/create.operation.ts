import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import { readOutputMode } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { firstAvailableExtensionNumber } from '../../helpers/numbers';
import { shapeRecord } from '../../helpers/record';
import { userBody } from '../../helpers/user';
import { request } from '../../transport';
import { commonUserFields, FROM_V2, outputField, V1_ONLY } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Extension Number',
		name: 'Number',
		type: 'string',
		default: '',
		placeholder: 'e.g. 105',
		displayOptions: V1_ONLY,
		description: 'Extension number of the new user. Leave empty to let the PBX pick the first free number. It cannot change later.',
	},
	{
		displayName: 'Extension Number From',
		name: 'numberSource',
		type: 'options',
		default: 'specific',
		displayOptions: FROM_V2,
		options: [
			{
				name: 'This Number',
				value: 'specific',
				description: 'The number given below; an empty number is an error, never "any number"',
			},
			{
				name: 'Next Free Number',
				value: 'nextFree',
				description: 'Ask the PBX for its first available extension number (Get First Available Extension Number), then create the user with it',
			},
		],
		description: 'Where the extension number of the new user comes from. It cannot change later.',
	},
	{
		displayName: 'Extension Number',
		name: 'Number',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 105',
		displayOptions: { show: { numberSource: ['specific'], '@version': [{ _cnd: { gte: 2 } }] } },
		description: 'Extension number of the new user',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: commonUserFields(),
	},
	outputField(),
];

const displayOptions = { show: { resource: ['user'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * POST /Users with a Pbx.User body; 3CX answers 201 with the created user. Version 2 never
 * sends a user without a number by accident: an empty number is an error, and "Next Free
 * Number" asks GET /Users/Pbx.GetFirstAvailableExtensionNumber() first. If another client
 * takes that number in between, the POST fails with Number: ALREADY_IN_USE (it is not retried).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = userBody(this, fields, itemIndex, 'Additional Fields');
	if (this.getNode().typeVersion >= 2) {
		const source = this.getNodeParameter('numberSource', itemIndex) as 'specific' | 'nextFree';
		if (source === 'specific') {
			const number = String(this.getNodeParameter('Number', itemIndex, '') ?? '').trim();
			if (number === '') {
				throw new NodeOperationError(this.getNode(), `"Extension Number" is empty in item ${itemIndex}`, {
					itemIndex,
					description: 'Give the number (check the expression), or set "Extension Number From" to "Next Free Number" to let the PBX choose.',
				});
			}
			body.Number = number;
		} else {
			body.Number = await firstAvailableExtensionNumber(this, itemIndex);
		}
	} else {
		const number = String(this.getNodeParameter('Number', itemIndex, '') ?? '').trim();
		if (number !== '') body.Number = number;
	}
	const user = await request(this, { method: 'POST', path: '/Users', body }, itemIndex);
	return shapeRecord(user, readOutputMode(this, itemIndex), false);
}
