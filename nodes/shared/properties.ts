import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readNumber } from './numbers';

/** Where a parameter is shown: these operations of this resource. */
export function showFor(resource: string, operations: string[]): IDisplayOptions {
	return { show: { resource: [resource], operation: operations } };
}

/** The two shapes of the package-wide Output parameter. */
export type OutputMode = 'normalised' | 'raw';

export interface OutputPropertyOptions {
	/** Only for nodes whose operation files do not scope their properties with updateDisplayOptions. */
	resource?: string;
	operations?: string[];
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
	const property: INodeProperties = {
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
	if (options.resource && options.operations) property.displayOptions = showFor(options.resource, options.operations);
	return property;
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
	/** For a top-level parameter; left out inside an Options collection. */
	displayOptions?: IDisplayOptions;
}

/** The switch (name `includeSecrets`, default off) that keeps passwords and PINs in the output. */
export function includeSecretsProperty(options: IncludeSecretsOptions): INodeProperties {
	const property: INodeProperties = {
		displayName: options.displayName ?? 'Include Secrets',
		name: 'includeSecrets',
		type: 'boolean',
		default: false,
		description: options.description,
	};
	if (options.displayOptions) property.displayOptions = options.displayOptions;
	return property;
}

/**
 * Return All and Limit (default 50) of a Get Many operation, in n8n's own wording. Without
 * arguments they carry no resource or operation, for operation files that scope their
 * properties with updateDisplayOptions.
 */
export function returnAllProperties(resource?: string, operations?: string[]): INodeProperties[] {
	const scope = resource && operations ? showFor(resource, operations).show : {};
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			...(resource && operations ? { displayOptions: showFor(resource, operations) } : {}),
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			displayOptions: { show: { ...scope, returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** How many records an item asks for: the Limit, or Infinity when Return All is on. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? Infinity : readNumber(ctx, 'limit', itemIndex, { displayName: 'Limit', min: 1, fallback: 50 });
}
