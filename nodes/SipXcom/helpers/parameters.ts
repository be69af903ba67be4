import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Splits "a, b\nc" into trimmed, non-empty, de-duplicated entries. */
export function splitList(value: unknown): string[] {
	const list = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\n,;]/);
	return [...new Set(list.map((v) => v.trim()).filter((v) => v !== ''))];
}

/** Reads a required, non-empty string parameter or throws naming it. */
export function requiredString(ctx: IExecuteFunctions, name: string, display: string, itemIndex: number): string {
	const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), `"${display}" is empty for item ${itemIndex}`, {
			itemIndex,
			description: `Set "${display}" (it may come from an expression) and run again.`,
		});
	}
	return value;
}

/** A sipXconfig internal id: digits only. */
export function numericId(ctx: IExecuteFunctions, value: string, display: string, itemIndex: number): string {
	if (!/^\d+$/.test(value)) {
		throw new NodeOperationError(ctx.getNode(), `"${display}" must be a numeric sipXconfig ID, got "${value}" (item ${itemIndex})`, {
			itemIndex,
			description: 'The ID is the internal number sipXconfig shows in the user\'s URL and in Get Many output (field id), not the user name.',
		});
	}
	return value;
}

/** Parses a list of numeric ids (groups, branch) from a multi-select or text. */
export function idList(ctx: IExecuteFunctions, value: unknown, display: string, itemIndex: number): number[] {
	return splitList(value).map((entry) => Number(numericId(ctx, entry, display, itemIndex)));
}
