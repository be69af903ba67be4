import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import { readOutputMode } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { userIdParameter } from '../../helpers/ids';
import { resolveUser } from '../../helpers/locator';
import { shapeRecord } from '../../helpers/record';
import { beforeEntityWrite } from '../../helpers/unchanged';
import { userBody } from '../../helpers/user';
import { request } from '../../transport';
import { userPath } from '../../transport/odata';
import { commonUserFields, FROM_V2, outputField, userIdField, userLocatorField, V1_ONLY } from './descriptions';

const properties: INodeProperties[] = [
	{ ...userIdField(), displayOptions: V1_ONLY },
	userLocatorField(FROM_V2),
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

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties, 'user'));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * PATCH /Users({Id}) with only the changed properties (204), then GET the user so the node
 * outputs the record as it is now. The extension number cannot change after creation. By
 * extension number (version 2) the ID is looked up first: the spec offers PATCH only by ID.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const v2 = this.getNode().typeVersion >= 2;
	const v1Id = v2 ? undefined : userIdParameter(this, 'userId', 'User ID', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = userBody(this, fields, itemIndex, 'Update Fields');
	const onlyNumber = 'Number' in body && Object.keys(body).length === 1;
	if (v2 && (Object.keys(body).length === 0 || onlyNumber)) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field under "Update Fields"', { itemIndex });
	}
	const id = v1Id ?? (await resolveUser(this, itemIndex)).id;
	if ('Number' in body) {
		const current = await request(this, { path: userPath({ id }), qs: { $select: 'Id,Number' } }, itemIndex);
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
	await beforeEntityWrite(this, itemIndex, { path: userPath({ id }), label: 'user', user: true });
	await request(this, { method: 'PATCH', path: userPath({ id }), body }, itemIndex);
	const user = await request(this, { path: userPath({ id }) }, itemIndex);
	return shapeRecord(user, readOutputMode(this, itemIndex), false);
}
