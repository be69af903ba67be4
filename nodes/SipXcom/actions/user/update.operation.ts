import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { shapeUser } from '../../helpers/output';
import { numericId, requiredString } from '../../helpers/parameters';
import { applyUserFields, currentAsWrite, readUser, userWriteBody } from '../../helpers/user';
import { restWrite } from '../../transport';
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

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = numericId(this, requiredString(this, 'userId', 'User ID', i), 'User ID', i);
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	if (!Object.keys(fields).length) {
		throw new NodeOperationError(this.getNode(), `"Update Fields" is empty for item ${i}: nothing to change`, {
			itemIndex: i,
			description: 'Add at least one field to Update Fields.',
		});
	}
	if (fields.userName !== undefined && String(fields.userName).trim() === '') {
		throw new NodeOperationError(this.getNode(), `"User Name" cannot be set to an empty value (item ${i})`, { itemIndex: i });
	}
	// Read-modify-write: PUT /user/{id} replaces groups, branch and aliases with what it is sent.
	const current = await readUser(this, id, i);
	const body = applyUserFields(this, currentAsWrite(current), fields, i);
	await restWrite.call(this, { method: 'PUT', path: `/user/${id}`, ...userWriteBody(this, body, i) }, i);
	return shapeUser(this, i, await readUser(this, id, i));
}
