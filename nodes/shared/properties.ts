import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readNumber } from './numbers';
import { DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_ATTEMPTS, REQUEST_OPTIONS } from './timeout';

/*
 * Properties that every vendor node uses. Like all properties of an operation file they carry
 * no resource or operation; the operation file scopes them with one updateDisplayOptions call.
 */

/** The two shapes of the package-wide Output parameter. */
export type OutputMode = 'normalised' | 'raw';

export interface OutputPropertyOptions {
	/** What "Normalised Extension" holds for this vendor. */
	normalised: string;
	/** What "Raw Record" holds for this vendor. */
	raw: string;
	/** The parameter's own description; "Shape of the output items" unless the vendor says more. */
	description?: string;
}

/**
 * The Output parameter every vendor node offers on operations that return records
 * (name `output`, default `normalised`; see nodes/shared/extension.ts for the shape).
 */
export function outputProperty(options: OutputPropertyOptions): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'normalised',
		options: [
			{ name: 'Normalised Extension', value: 'normalised', description: options.normalised },
			{ name: 'Raw Record', value: 'raw', description: options.raw },
		],
		description: options.description ?? 'Shape of the output items',
	};
}

/** The Output parameter's value for an item. */
export function readOutputMode(ctx: IExecuteFunctions, itemIndex: number): OutputMode {
	return ctx.getNodeParameter('output', itemIndex, 'normalised') as OutputMode;
}

export interface IncludeSecretsOptions {
	/** What the switch keeps, in plain words, e.g. "the SIP password". */
	keeps: string;
	/** The vendor's names of those fields, as the output would carry them. */
	fields: readonly string[];
	/** Anything else the user should know, e.g. what the output shows instead. */
	note?: string;
}

/** "a, b and c" */
function listOf(words: readonly string[]): string {
	return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * The Include Secrets switch (name `includeSecrets`, default off) that keeps passwords, PINs
 * and secret links in the output. Every node's newest version has it in the operation's
 * Options collection (see optionsCollection, readIncludeSecrets).
 */
export function includeSecretsProperty({ keeps, fields, note }: IncludeSecretsOptions): INodeProperties {
	const description = `Whether to keep ${keeps} (${listOf(fields)}) in the output. Off by default, so that they stay out of execution data.`;
	return {
		displayName: 'Include Secrets',
		name: 'includeSecrets',
		type: 'boolean',
		default: false,
		description: note ? `${description} ${note}` : description,
	};
}

/** An operation's Options collection (n8n's place for optional settings), its entries sorted by name. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/**
 * Include Secrets of an operation whose node versions before `optionsFrom` have it at the top
 * level, where their saved workflows store it: there for those versions, and in an Options
 * collection from `optionsFrom` on. Read it with readIncludeSecrets(ctx, itemIndex, optionsFrom).
 */
export function movedIncludeSecretsProperties(secrets: IncludeSecretsOptions, optionsFrom: number): INodeProperties[] {
	return [
		{ ...includeSecretsProperty(secrets), displayOptions: { show: { '@version': [{ _cnd: { lt: optionsFrom } }] } } },
		{
			...optionsCollection([includeSecretsProperty(secrets)]),
			displayOptions: { show: { '@version': [{ _cnd: { gte: optionsFrom } }] } },
		},
	];
}

/**
 * Whether Include Secrets is on for an item: `options.includeSecrets`, or the top-level
 * `includeSecrets` in node versions before `optionsFrom` (see movedIncludeSecretsProperties).
 */
export function readIncludeSecrets(ctx: IExecuteFunctions, itemIndex: number, optionsFrom?: number): boolean {
	const topLevel = optionsFrom !== undefined && ctx.getNode().typeVersion < optionsFrom;
	return ctx.getNodeParameter(topLevel ? 'includeSecrets' : 'options.includeSecrets', itemIndex, false) === true;
}

/** Return All and Limit (default 50) of a Get Many operation, in n8n's own wording. */
export function returnAllProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** How many records an item asks for: the Limit, or Infinity when Return All is on. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? Infinity : readNumber(ctx, 'limit', itemIndex, { displayName: 'Limit', min: 1, fallback: 50 });
}

/**
 * The canvas subtitle as the user picked it, "Operation: Resource" with the names the editor
 * shows (e.g. "Create or Update: Subscriber"), from the node's own resource and operation options.
 */
export function operationSubtitle(properties: INodeProperties[]): string {
	const labels: Record<string, string> = {};
	const resources = (properties.find((p) => p.name === 'resource')?.options ?? []) as Array<{ name: string; value: string }>;
	for (const resource of resources) {
		const operations = properties.filter(
			(p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? [resource.value]).includes(resource.value),
		);
		for (const operation of operations) {
			for (const option of (operation.options ?? []) as Array<{ name: string; value: string }>) {
				labels[`${resource.value}:${option.value}`] ??= `${option.name}: ${resource.name}`;
			}
		}
	}
	return `={{ (${JSON.stringify(labels)})[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}

/** Nodes whose items send requests, and change triggers whose polls do. */
export type RequestOwner = 'node' | 'trigger';

const TIMEOUT_DESCRIPTIONS: Record<RequestOwner, string> = {
	node: `Milliseconds to wait for each answer. A request that times out is tried at most ${MAX_TIMEOUT_ATTEMPTS} times in all (reads only; writes are never repeated blindly); after that the remaining items of the run fail at once with the same error.`,
	trigger: `Milliseconds to wait for each answer while the list is read. A request that times out is tried at most ${MAX_TIMEOUT_ATTEMPTS} times in all; after that the poll fails, emits nothing and keeps the remembered list.`,
};

/** The Timeout option (milliseconds per attempt), shared by every vendor node and change trigger. */
function timeoutOption(owner: RequestOwner = 'node'): INodeProperties {
	return {
		displayName: 'Timeout',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_TIMEOUT_MS,
		description: TIMEOUT_DESCRIPTIONS[owner],
	};
}

/**
 * The "Request Options" collection with the Timeout option, the last property of every vendor
 * node and trigger (read at run time by readRequestTimeout in timeout.ts).
 */
export function requestOptionsProperty(owner: RequestOwner = 'node'): INodeProperties {
	return {
		displayName: 'Request Options',
		name: REQUEST_OPTIONS,
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [timeoutOption(owner)],
	};
}
