import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { EXTENSION_LIST, openVoxRequest } from '../transport';

/** Extensions for dropdowns: "101 – Alice (Registered)". */
export async function getExtensions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const answer = await openVoxRequest.call(this, { path: 'extensionlist/query', idempotent: true, expect: EXTENSION_LIST });
	const list = Array.isArray(answer.extlist) ? (answer.extlist as IDataObject[]) : [];
	return list
		.map((record) => {
			const number = String(record.extnumber ?? '');
			const name = String(record.username ?? '');
			return {
				name: `${number}${name && name !== number ? ` – ${name}` : ''}${record.status ? ` (${String(record.status)})` : ''}`,
				value: number,
			};
		})
		.sort((a, b) => a.value.localeCompare(b.value, undefined, { numeric: true }));
}
