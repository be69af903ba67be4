import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { asNodeError } from '../../shared/errors';

/** Errors of user-ID input, worded for the user; the caller adds parameter and item. */
export class UserIdError extends Error {}

const INT32_MAX = 2147483647;

/** One user ID as the int32 3CX expects; numeric strings such as "12" are accepted. */
export function toUserId(value: unknown): number {
	const textValue = typeof value === 'string' ? value.trim() : value;
	const n =
		typeof textValue === 'number'
			? textValue
			: typeof textValue === 'string' && /^[+-]?\d+$/.test(textValue)
				? Number(textValue)
				: NaN;
	if (!Number.isInteger(n) || n < 1 || n > INT32_MAX) {
		throw new UserIdError(`${JSON.stringify(value)} is not a user ID (a positive whole number)`);
	}
	return n;
}

/**
 * Reads user IDs from a JSON array (`[12, 34]`, as the 3CX product docs describe the Ids
 * field), a comma or whitespace separated list (`12, 34`), a single number, or an array value
 * an expression produced.
 */
export function parseUserIds(input: unknown): number[] {
	if (Array.isArray(input)) return input.map(toUserId);
	if (typeof input === 'number') return [toUserId(input)];
	if (typeof input !== 'string') throw new UserIdError('expected a JSON array or a comma-separated list of user IDs');
	const trimmed = input.trim();
	if (trimmed === '') return [];
	if (trimmed.startsWith('[')) {
		let parsed: unknown;
		let invalidJson: string | undefined;
		try {
			parsed = JSON.parse(trimmed);
		} catch (error) {
			invalidJson = (error as Error).message;
		}
		if (invalidJson !== undefined) throw new UserIdError(`not valid JSON (${invalidJson}); expected e.g. [123, 456]`);
		if (!Array.isArray(parsed)) throw new UserIdError('expected a JSON array such as [123, 456]');
		return parsed.map(toUserId);
	}
	if (trimmed.startsWith('{') || trimmed.startsWith('"')) {
		throw new UserIdError('expected a JSON array such as [123, 456] or a comma-separated list such as 123, 456');
	}
	return trimmed
		.split(/[\s,;]+/)
		.filter((part) => part !== '')
		.map(toUserId);
}

/** Keeps the first occurrence of each ID. */
export function uniqueIds(ids: number[]): number[] {
	return [...new Set(ids)];
}

/** A user ID parameter as int32, or a NodeOperationError naming the parameter and item. */
export function userIdParameter(ctx: IExecuteFunctions, name: string, displayName: string, itemIndex: number): number {
	const raw = ctx.getNodeParameter(name, itemIndex) as unknown;
	const text = typeof raw === 'number' ? String(raw) : String(raw ?? '').trim();
	if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 2147483647) {
		throw new NodeOperationError(ctx.getNode(), `"${displayName}" must be a 3CX user ID (a positive whole number), got ${JSON.stringify(raw)}`, {
			itemIndex,
			description: 'The user ID is the Id field of a 3CX user (not the extension number). Use "By Extension Number" to look a user up by number.',
		});
	}
	return Number(text);
}

function readPath(source: IDataObject, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>((value, part) => (value !== null && typeof value === 'object' ? (value as IDataObject)[part] : undefined), source);
}

/** The user IDs one input item contributes; throws a NodeOperationError naming the parameter. */
export function idsOfItem(ctx: IExecuteFunctions, itemIndex: number): number[] {
	const source = ctx.getNodeParameter('idSource', itemIndex) as 'list' | 'inputItems';
	try {
		if (source === 'inputItems') {
			const field = (ctx.getNodeParameter('idField', itemIndex) as string).trim() || 'id';
			const json = ctx.getInputData()[itemIndex].json;
			let value = readPath(json, field);
			if (value === undefined && field === 'id') value = json.Id;
			if (value === undefined || value === null || value === '') {
				throw new NodeOperationError(ctx.getNode(), `Input item ${itemIndex} has no user ID in field "${field}" (parameter "ID Field")`, {
					itemIndex,
				});
			}
			if (Array.isArray(value) && value.length === 0) {
				// An empty list would silently drop the item from the batch.
				throw new NodeOperationError(ctx.getNode(), `Input item ${itemIndex} has an empty list in field "${field}" (parameter "ID Field")`, {
					itemIndex,
					description: 'Give at least one user ID in the list, or leave the item out before this node.',
				});
			}
			return Array.isArray(value) ? value.map(toUserId) : [toUserId(value)];
		}
		const ids = parseUserIds(ctx.getNodeParameter('ids', itemIndex) as unknown);
		if (!ids.length) {
			throw new NodeOperationError(ctx.getNode(), '"User IDs" is empty; give at least one user ID', { itemIndex });
		}
		return ids;
	} catch (error) {
		if (error instanceof UserIdError) {
			const parameter = source === 'inputItems' ? 'ID Field' : 'User IDs';
			throw new NodeOperationError(ctx.getNode(), `Invalid "${parameter}" in item ${itemIndex}: ${error.message}`, {
				itemIndex,
				description: '3CX user IDs are positive whole numbers (the Id field of a user), e.g. [123, 456].',
			});
		}
		throw asNodeError(ctx.getNode(), error);
	}
}
