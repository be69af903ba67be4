import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiJson } from '../../transport';
import { stripSecrets } from '../common';

/** Phones per request (`limit`); `start` is the offset of the first phone. */
export const PHONE_PAGE_SIZE = 100;

const show = { resource: ['phone'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		displayOptions: { show: { ...show, returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
	const pageSize = Math.max(1, Math.min(limit, PHONE_PAGE_SIZE));
	const phones: IDataObject[] = [];
	const seen = new Set<unknown>();
	for (let start = 0; ; start += pageSize) {
		const body = await apiJson<{ phones?: IDataObject[] }>(
			this,
			{ method: 'GET', path: '/phones', qs: { start, limit: pageSize } },
			i,
		);
		const page = Array.isArray(body?.phones) ? body.phones : [];
		for (const phone of page) {
			if (phone.id !== undefined && seen.has(phone.id)) continue;
			seen.add(phone.id);
			phones.push(stripSecrets(phone));
		}
		// The API reports no total: a short page is the last one.
		if (phones.length >= limit || page.length < pageSize) break;
	}
	return phones.slice(0, limit);
}
