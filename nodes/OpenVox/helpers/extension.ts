import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { request } from '../transport';
import { FieldError } from './fields';
import { asNodeError } from '../../shared/errors';

/** Runs a pure validator and reports its FieldError as a NodeOperationError for the item. */
export function validated<T>(ctx: IExecuteFunctions, itemIndex: number, check: () => T): T {
	try {
		return check();
	} catch (error) {
		if (error instanceof FieldError) {
			throw new NodeOperationError(ctx.getNode(), `${error.message} (item ${itemIndex})`, {
				itemIndex,
				description: 'The PBX would reject this value; fix it in the node parameters or in the incoming data',
			});
		}
		throw asNodeError(ctx.getNode(), error);
	}
}

/**
 * Reads one extension's settings after a change, so Create and Update return the record
 * as the PBX now has it (add and update themselves only answer `{"status":"Success"}`).
 */
export async function readBack(ctx: IExecuteFunctions, number: string, itemIndex: number): Promise<IDataObject> {
	const answer = await request(ctx, { path: 'extension/query', body: { extid: number } }, itemIndex);
	const records = Array.isArray(answer.extinfos) ? (answer.extinfos as IDataObject[]) : [];
	return records.find((record) => String(record.extnumber) === number) ?? records[0] ?? { extnumber: number };
}
