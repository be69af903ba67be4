import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { jsonMatching, xmlDocument } from '../../shared/answer';
import { request } from '../transport';

/** The phone models answer: JSON (a list, or an object holding one). */
const JSON_DOCUMENT = jsonMatching('JSON', (parsed) => parsed !== null && typeof parsed === 'object');
import { parseNamedList } from '../transport/xml';

async function namedList(ctx: ILoadOptionsFunctions, path: string) {
	return parseNamedList(await request(ctx, { api: 'rest', method: 'GET', path, expect: xmlDocument() }));
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** Branches from `/rest/branch`, value = branch id (REST user writes and filters use ids). */
export async function getBranches(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await namedList(this, '/branch'))
		.map((b) => ({ name: b.name, value: b.id, description: b.description }))
		.sort(byName);
}

/** Branches by name, for the SOAP `updateBranch` which takes a branch name. */
export async function getBranchNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await namedList(this, '/branch')).map((b) => ({ name: b.name, value: b.name })).sort(byName);
}

/** User groups from `/rest/user-group`, value = group id. */
export async function getUserGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await namedList(this, '/user-group'))
		.map((g) => ({ name: g.name, value: g.id, description: g.description }))
		.sort(byName);
}

/** Phone models from `/api/phones/models`. */
export async function getPhoneModels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const body = (await request(this, { api: 'json', method: 'GET', path: '/phones/models', expect: JSON_DOCUMENT })) as IDataObject | IDataObject[] | undefined;
	const list = (Array.isArray(body) ? body : ((body?.models ?? body?.Models ?? []) as IDataObject[])) ?? [];
	return list
		.filter((m) => typeof m.modelId === 'string')
		.map((m) => ({ name: String(m.label ?? m.modelId), value: String(m.modelId), description: String(m.modelId) }))
		.sort(byName);
}
