import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { readOutputMode } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { userIdParameter } from '../../helpers/ids';
import { shapeUser, userBody } from '../../helpers/user';
import { threeCxRequest, userPath } from '../../transport';
import { commonUserFields, outputField, userIdField } from './descriptions';

const properties: INodeProperties[] = [
	userIdField(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: commonUserFields(),
	},
	outputField(),
];

const displayOptions = { show: { resource: ['user'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * PATCH /Users({Id}) with only the changed properties (204), then GET the user so the node
 * outputs the record as it is now. The extension number cannot change after creation.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const id = userIdParameter(this, 'userId', 'User ID', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = userBody(this, fields, itemIndex, 'Update Fields');
	if ('Number' in body) {
		const current = await threeCxRequest.call(this, { path: userPath({ id }), qs: { $select: 'Id,Number' } }, itemIndex);
		if (String(current.Number) !== String(body.Number)) {
			throw new NodeOperationError(
				this.getNode(),
				`The extension number of a 3CX user cannot change after creation (user ${id} is ${String(current.Number)})`,
				{ itemIndex, description: 'Remove "Number" from "Other Properties (JSON)". To renumber, create a new user and delete the old one.' },
			);
		}
		delete body.Number;
	}
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field under "Update Fields"', { itemIndex });
	}
	await threeCxRequest.call(this, { method: 'PATCH', path: userPath({ id }), body }, itemIndex);
	const user = await threeCxRequest.call(this, { path: userPath({ id }) }, itemIndex);
	return shapeUser(user, readOutputMode(this, itemIndex), false);
}
