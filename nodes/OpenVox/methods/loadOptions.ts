import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listRecords } from '../transport';

/** Extensions for dropdowns: "101 – Alice (Registered)". */
export async function getExtensions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { records } = await listRecords(this, {});
	return records
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
