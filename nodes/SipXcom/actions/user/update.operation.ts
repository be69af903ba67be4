import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import { readOutputMode } from '../../../shared/properties';
import { shapeRecord } from '../../helpers/record';
import { numericId, requiredString } from '../../helpers/parameters';
import { updateUser } from '../../helpers/user';
import { outputProperty, userFieldOptions, userIdProperty } from './descriptions';

const properties: INodeProperties[] = [
	userIdProperty('Internal sipXconfig ID of the user to change (field <code>id</code> of Get Many)'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Only the fields you add are changed. Groups, branch and aliases you do not add are kept (the node reads the user first, because sipXconfig clears them when they are missing from an update).',
		options: userFieldOptions(true),
	},
	outputProperty(),
];

const displayOptions = { show: { resource: ['user'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties, 'user'));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = numericId(this, requiredString(this, 'userId', 'User ID', itemIndex), 'User ID', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (!Object.keys(fields).length) {
		throw new NodeOperationError(this.getNode(), `"Update Fields" is empty for item ${itemIndex}: nothing to change`, {
			itemIndex,
			description: 'Add at least one field to Update Fields.',
		});
	}
	if (fields.userName !== undefined && String(fields.userName).trim() === '') {
		throw new NodeOperationError(this.getNode(), `"User Name" cannot be set to an empty value (item ${itemIndex})`, { itemIndex });
	}
	// Read-modify-write, read back until it holds: PUT /user/{id} replaces groups, branch and aliases with what it is sent.
	const user = await updateUser(this, itemIndex, id, fields);
	return shapeRecord(user as IDataObject, readOutputMode(this, itemIndex), false);
}
