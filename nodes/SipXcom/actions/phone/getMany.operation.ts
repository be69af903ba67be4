import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLimit, returnAllProperties } from '../../../shared/properties';
import { stripSecrets } from '../../helpers/phone';
import { jsonWithList } from '../../../shared/answer';
import { request } from '../../transport';

/** The CXF phone list: `{"phones": […]}`; a web page is never "no phones". */
const PHONE_LIST = jsonWithList('phones');

/** Phones per request (`limit`); `start` is the offset of the first phone. */
export const PHONE_PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	...returnAllProperties(),
];

const displayOptions = { show: { resource: ['phone'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const pageSize = Math.max(1, Math.min(limit, PHONE_PAGE_SIZE));
	const phones: IDataObject[] = [];
	const seen = new Set<unknown>();
	for (let start = 0; ; start += pageSize) {
		const body = (await request(this, { api: 'json', method: 'GET', path: '/phones', qs: { start, limit: pageSize }, expect: PHONE_LIST }, itemIndex)) as
			| { phones?: IDataObject[] }
			| undefined;
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
