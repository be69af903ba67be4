import type { IDataObject } from 'n8n-workflow';
import { XMLBuilder, XMLParser, XMLValidator } from '../../shared/fastXmlParser';

/**
 * The XML variant of the OpenVox API (`?type=xml`): request and response are wrapped in a
 * root `<xml>` element and list entries are `<item id="N">` (0-based). Values stay strings,
 * as in the JSON variant ("numbers are returned as strings").
 */
const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	ignoreDeclaration: true,
	processEntities: true,
});

const builder = new XMLBuilder({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	suppressEmptyNode: false,
	format: false,
});

function isItemList(value: IDataObject): boolean {
	const keys = Object.keys(value);
	return keys.length === 1 && keys[0] === 'item';
}

/** Turns `{ item: [...] }` into an array ordered by `id`, drops `@_id`, recurses. */
function normalise(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(normalise);
	if (value === null || typeof value !== 'object') return value;
	const object = value as IDataObject;
	if (isItemList(object)) {
		const items = Array.isArray(object.item) ? object.item : [object.item];
		return items
			.map((item, position) => {
				const id = item && typeof item === 'object' ? Number((item as IDataObject)['@_id']) : NaN;
				return { id: Number.isNaN(id) ? position : id, item };
			})
			.sort((a, b) => a.id - b.id)
			.map(({ item }) => normalise(stripId(item)));
	}
	const out: IDataObject = {};
	for (const [key, entry] of Object.entries(object)) {
		if (key.startsWith('@_')) continue;
		out[key] = normalise(entry) as IDataObject;
	}
	return out;
}

function stripId(item: unknown): unknown {
	if (item === null || typeof item !== 'object') return item === undefined ? '' : item;
	const { '@_id': _id, ...rest } = item as IDataObject;
	return rest;
}

/** Keys whose value is a list; an empty `<extlist/>` then reads as `[]` rather than `''`. */
const LIST_KEYS = new Set(['extlist', 'extinfos']);

/** Parses an OpenVox XML answer into the same shape as the JSON variant. */
export function parseOpenVoxXml(text: string): IDataObject {
	const valid = XMLValidator.validate(text);
	if (valid !== true) throw new Error(`the PBX answered with malformed XML (${valid.err.msg})`);
	const parsed = parser.parse(text) as IDataObject;
	const root = parsed.xml;
	if (root === undefined) throw new Error('the PBX answered with XML that has no <xml> root element');
	const body = (normalise(root === '' ? {} : root) ?? {}) as IDataObject;
	for (const key of LIST_KEYS) {
		if (body[key] === '') body[key] = [];
		else if (body[key] !== undefined && !Array.isArray(body[key])) body[key] = [body[key] as IDataObject];
	}
	return body;
}

function toXmlValue(value: unknown): unknown {
	if (Array.isArray(value)) {
		return { item: value.map((entry, id) => ({ '@_id': String(id), ...(toXmlObject(entry) as IDataObject) })) };
	}
	if (value !== null && typeof value === 'object') return toXmlObject(value);
	return value === undefined || value === null ? '' : String(value);
}

function toXmlObject(value: unknown): unknown {
	if (value === null || typeof value !== 'object') return { '#text': toXmlValue(value) };
	const out: IDataObject = {};
	for (const [key, entry] of Object.entries(value as IDataObject)) out[key] = toXmlValue(entry) as IDataObject;
	return out;
}

/** Builds a request body: `<?xml …?><xml>…</xml>`, lists as `<item id="N">`. */
export function buildOpenVoxXml(body: IDataObject): string {
	return `<?xml version="1.0" encoding="UTF-8" ?>${builder.build({ xml: toXmlObject(body) }) as string}`;
}
