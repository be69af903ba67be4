import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readOutputMode } from '../../../shared/properties';
import { shapeRecord } from '../../helpers/record';
import { numericId, requiredString } from '../../helpers/parameters';
import { readUser } from '../../helpers/user';
import { outputProperty, userIdProperty } from './descriptions';

const properties: INodeProperties[] = [
	userIdProperty('Internal sipXconfig ID of the user (field <code>id</code> of Get Many), not the user name'),
	outputProperty(),
];

const displayOptions = { show: { resource: ['user'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = numericId(this, requiredString(this, 'userId', 'User ID', itemIndex), 'User ID', itemIndex);
	return shapeRecord((await readUser(this, id, itemIndex)) as IDataObject, readOutputMode(this, itemIndex), false);
}
