import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, IPairedItemData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { errorJson } from '../../../shared/router';
import { parseUserIds, toUserId, uniqueIds, UserIdError } from '../../helpers/ids';

/** Where bulk actions (Reprovision All Phones, Batch Delete) take their user IDs from. */
export function idSourceFields(operations: string[], verb: string): INodeProperties[] {
	const show = (extra: IDataObject = {}) => ({ show: { resource: ['user'], operation: operations, ...extra } });
	return [
		{
			displayName: 'User IDs From',
			name: 'idSource',
			type: 'options',
			default: 'list',
			displayOptions: show(),
			options: [
				{
					name: 'List or JSON Array',
					value: 'list',
					description: 'IDs typed in or from an expression: a JSON array such as [123, 456] or a list such as 123, 456',
				},
				{
					name: 'Input Items',
					value: 'inputItems',
					description: 'One user ID per input item, read from a field (e.g. the ID output by Get Many)',
				},
			],
			description: `Where the IDs of the users to ${verb} come from`,
		},
		{
			displayName: 'User IDs',
			name: 'ids',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. [123, 456] or 123, 456',
			displayOptions: show({ idSource: ['list'] }),
			description:
				'The 3CX user IDs (not extension numbers) as a JSON array or a comma-separated list. Numeric strings are accepted.',
		},
		{
			displayName: 'ID Field',
			name: 'idField',
			type: 'string',
			default: 'id',
			required: true,
			// eslint-disable-next-line n8n-nodes-base/node-param-placeholder-miscased-id -- a JSON field name, case-sensitive
			placeholder: 'e.g. id',
			requiresDataPath: 'single',
			displayOptions: show({ idSource: ['inputItems'] }),
			description:
				'Field of each input item that holds the user ID. The default suits this node\'s normalised output; raw records fall back to their own ID field when this field is missing. Dot paths are allowed.',
		},
		{
			displayName: 'One Request per Item',
			name: 'perItem',
			type: 'boolean',
			default: false,
			displayOptions: show(),
			description:
				'Whether to send one request per input item instead of one request with the IDs of all items (the default, which the PBX handles as one job)',
		},
	];
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
		throw error;
	}
}

/**
 * Runs a bulk action either once for the IDs of all items (default) or once per item. Every
 * item's IDs are validated before the first request; with Continue On Fail an invalid item
 * becomes an error item and the others still go out.
 */
export async function runBulk(
	ctx: IExecuteFunctions,
	action: (ids: number[], itemIndex: number) => Promise<IDataObject>,
	validate?: (itemIndex: number) => void,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const perItem = items.length ? (ctx.getNodeParameter('perItem', 0, false) as boolean) : false;
	const output: INodeExecutionData[] = [];
	const valid: Array<{ itemIndex: number; ids: number[] }> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const ids = idsOfItem(ctx, itemIndex);
			validate?.(itemIndex);
			valid.push({ itemIndex, ids });
		} catch (error) {
			if (!ctx.continueOnFail()) throw error;
			output.push({ json: errorJson(error), pairedItem: { item: itemIndex } });
		}
	}
	const batches = perItem
		? valid.map((entry) => ({ items: [entry.itemIndex], ids: uniqueIds(entry.ids) }))
		: valid.length
			? [{ items: valid.map((v) => v.itemIndex), ids: uniqueIds(valid.flatMap((v) => v.ids)) }]
			: [];
	for (const batch of batches) {
		const pairedItem: IPairedItemData[] = batch.items.map((item) => ({ item }));
		try {
			const json = await action(batch.ids, batch.items[0]);
			output.push({ json, pairedItem });
		} catch (error) {
			if (!ctx.continueOnFail()) throw error;
			output.push({ json: errorJson(error), pairedItem });
		}
	}
	return [output];
}

/** The guard of bulk actions that can sign out or disable many users at once. */
export function maxUsersField(operations: string[], verb: string): INodeProperties {
	return {
		displayName: 'Maximum Users',
		name: 'maxUsers',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 100,
		displayOptions: { show: { resource: ['user'], operation: operations } },
		description: `Stop without any change when one request would ${verb} more users than this (a guard against a wrong filter upstream). Raise it deliberately for a large batch.`,
	};
}

/** Refuses a batch larger than "Maximum Users", before the request. */
export function checkMaxUsers(ctx: IExecuteFunctions, ids: number[], itemIndex: number, verb: string): void {
	const max = ctx.getNodeParameter('maxUsers', itemIndex, 100) as number;
	if (ids.length > max) {
		throw new NodeOperationError(ctx.getNode(), `Refusing to ${verb} ${ids.length} users in one run: "Maximum Users" is ${max}`, {
			itemIndex,
			description: 'Nothing was changed. Check the input (a wrong filter upstream selects too many users), or raise "Maximum Users" for this batch.',
		});
	}
}
