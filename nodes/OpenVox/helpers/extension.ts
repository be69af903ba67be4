import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isRehearsing, noteTarget } from '../../shared/dryRun';
import { asNodeError } from '../../shared/errors';
import { assertUnchanged } from '../../shared/onlyIfUnchanged';
import { request } from '../transport';
import { FieldError } from './fields';
import { normaliseRecord, SECRET_FIELDS } from './record';

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
/**
 * Options › Only If Unchanged (given `expected`): reads the extension just before the write and
 * fails the item when it differs or is gone; in a dry run it reads it for the plan's changes.
 */
export async function checkExtensionUnchanged(ctx: IExecuteFunctions, itemIndex: number, number: string, expected: IDataObject | undefined): Promise<void> {
	if (!expected && !isRehearsing(ctx)) return;
	const answer = await request(ctx, { path: 'extension/query', body: { extid: number } }, itemIndex);
	const records = Array.isArray(answer.extinfos) ? (answer.extinfos as IDataObject[]) : [];
	const current = records.find((record) => String(record.extnumber) === number);
	if (expected) {
		assertUnchanged(ctx, itemIndex, expected, {
			what: 'OpenVox extension',
			number,
			raw: current,
			normalised: current && normaliseRecord(current, true),
			secretFields: SECRET_FIELDS,
		});
	}
	if (!current) {
		// The PBX would refuse the write; a dry run says so as well.
		throw new NodeOperationError(ctx.getNode(), `No OpenVox extension ${number} (item ${itemIndex})`, { itemIndex });
	}
	noteTarget(ctx, { number }, current, ['extid']);
}

export async function readBack(ctx: IExecuteFunctions, number: string, itemIndex: number): Promise<IDataObject> {
	const answer = await request(ctx, { path: 'extension/query', body: { extid: number } }, itemIndex);
	const records = Array.isArray(answer.extinfos) ? (answer.extinfos as IDataObject[]) : [];
	return records.find((record) => String(record.extnumber) === number) ?? records[0] ?? { extnumber: number };
}
