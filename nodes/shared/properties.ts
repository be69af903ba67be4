import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readNumber } from './numbers';

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
	/** Which fields the switch keeps, in the vendor's words. */
	description: string;
	/** "Include Secrets" unless the vendor names the switch after what it keeps. */
	displayName?: string;
}

/** The switch (name `includeSecrets`, default off) that keeps passwords and PINs in the output. */
export function includeSecretsProperty(options: IncludeSecretsOptions): INodeProperties {
	return {
		displayName: options.displayName ?? 'Include Secrets',
		name: 'includeSecrets',
		type: 'boolean',
		default: false,
		description: options.description,
	};
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
