import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isRehearsing, noteTarget } from '../../shared/dryRun';
import { asNodeError } from '../../shared/errors';
import { assertUnchanged, readOnlyIfUnchanged } from '../../shared/onlyIfUnchanged';
import { request } from '../transport';
import { normaliseRecord, SECRET_FIELDS } from './record';

/** What an entity write changes, for the plan's target and the Only If Unchanged message. */
export interface WrittenEntity {
	/** The entity's path below /xapi/v1, e.g. `/Users(12)`. */
	path: string;
	/** E.g. "user", "department", "ring group". */
	label: string;
	/** Whether it is a user (its normalised extension is compared first). */
	user?: boolean;
}

function number(record: IDataObject | undefined, fallback: string): string {
	const value = record?.Number ?? record?.Name;
	return value === undefined || value === null ? fallback : String(value);
}

/**
 * Called right before a PATCH or DELETE of one entity. With Options › Only If Unchanged it reads
 * the entity just now and fails the item when a field differs (the 3CX API documents If-Match
 * only on DELETE /Users({Id}), with no ETag in its answers to read, so a read is the check). In a
 * dry run it reads the entity for the plan's target and changes.
 */
export async function beforeEntityWrite(ctx: IExecuteFunctions, itemIndex: number, entity: WrittenEntity): Promise<void> {
	const expected = readOnlyIfUnchanged(ctx, itemIndex);
	if (!expected && !isRehearsing(ctx)) return;
	const id = /\((\d+)\)$/.exec(entity.path)?.[1];
	let current: IDataObject | undefined;
	try {
		current = await request(ctx, { path: entity.path }, itemIndex);
	} catch (error) {
		if ((error as { httpCode?: string }).httpCode !== '404' || !expected) throw asNodeError(ctx.getNode(), error);
	}
	if (expected) {
		assertUnchanged(ctx, itemIndex, expected, {
			what: `3CX ${entity.label}`,
			number: number(current, `ID ${id ?? '?'}`),
			raw: current,
			normalised: current && entity.user ? normaliseRecord(current, true) : undefined,
			secretFields: SECRET_FIELDS,
		});
	}
	const target: IDataObject = { number: number(current, ''), id: id ?? '' };
	if (!target.number) delete target.number;
	noteTarget(ctx, target, current);
}
