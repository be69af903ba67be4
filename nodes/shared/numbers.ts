import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * What a numeric parameter accepts. Limits, offsets, page sizes, IDs and ports can come from
 * expressions, so a value may be text, `null` or missing; every node reads them through
 * `readNumber`/`checkNumber` so "abc", -5 or 2.5 fail the same clear way everywhere.
 */
export interface NumberRule {
	/** The parameter as the user sees it, e.g. "Limit". */
	displayName: string;
	/** Smallest value allowed (default 0); use 1 where 0 means nothing (Limit, IDs). */
	min?: number;
	max?: number;
	/** Whether fractions are allowed (default: whole numbers only). */
	fractions?: boolean;
}

function describeRule(rule: NumberRule): string {
	const min = rule.min ?? 0;
	const kind = rule.fractions ? 'a number' : 'a whole number';
	const range = rule.max !== undefined ? `from ${min} to ${rule.max}` : `of at least ${min}`;
	return `${kind} ${range}`;
}

function shown(value: unknown): string {
	if (value === undefined) return 'no value';
	if (value === null) return 'null';
	if (typeof value === 'string') return value.trim() === '' ? 'an empty value' : JSON.stringify(value);
	if (typeof value === 'number') return String(value);
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
}

/**
 * The number in `value`, or why it is not one for `rule`. Numeric text ("25", " 25 ") is
 * accepted since expressions over webhook or CSV data yield text; anything else is refused.
 */
export function parseNumber(value: unknown, rule: NumberRule): number | string {
	let number: number | undefined;
	if (typeof value === 'number') number = value;
	else if (typeof value === 'string' && /^\s*[-+]?(\d+(\.\d+)?|\.\d+)\s*$/.test(value)) number = Number(value);
	if (number === undefined || !Number.isFinite(number)) return `must be ${describeRule(rule)}`;
	if (!rule.fractions && !Number.isInteger(number)) return `must be ${describeRule(rule)}`;
	if (number < (rule.min ?? 0) || (rule.max !== undefined && number > rule.max)) return `must be ${describeRule(rule)}`;
	return number;
}

/** Checks a value already read (e.g. an ID from an item field); throws naming the parameter and the item. */
export function checkNumber(node: INode, value: unknown, rule: NumberRule, itemIndex: number): number {
	const parsed = parseNumber(value, rule);
	if (typeof parsed === 'number') return parsed;
	throw new NodeOperationError(node, `${rule.displayName} ${parsed}; item ${itemIndex} has ${shown(value)}`, {
		itemIndex,
		description: `Set "${rule.displayName}" to ${describeRule(rule)}. If it comes from an expression, check the field it reads in item ${itemIndex}.`,
	});
}

/** Reads a numeric node parameter (dotted paths reach into collections) and checks it. */
export function readNumber(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	rule: NumberRule & { fallback?: number },
): number {
	const value = ctx.getNodeParameter(name, itemIndex, rule.fallback) as unknown;
	return checkNumber(ctx.getNode(), value, rule, itemIndex);
}

/** Whether the node has a value (maybe an expression) at a dotted parameter path such as `options.skip`. */
function isSet(ctx: IExecuteFunctions, name: string): boolean {
	let value: unknown = ctx.getNode().parameters;
	for (const part of name.split('.')) {
		if (value === null || typeof value !== 'object') return false;
		value = (value as Record<string, unknown>)[part];
	}
	return value !== undefined;
}

/** Like readNumber, but a parameter that is not set (an option not added) gives undefined. */
export function readOptionalNumber(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	rule: NumberRule,
): number | undefined {
	if (!isSet(ctx, name)) return undefined;
	const value = ctx.getNodeParameter(name, itemIndex) as unknown;
	return checkNumber(ctx.getNode(), value, rule, itemIndex);
}
