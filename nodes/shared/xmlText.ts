import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Characters XML 1.0 does not allow in a document (§2.2 Char): C0 controls other than tab,
 * line feed and carriage return, U+FFFE/U+FFFF, and surrogates that are not part of a pair.
 * fast-xml-parser writes them as they are, so the PBX would get a malformed document.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first character XML 1.0 forbids in `text`, as `U+0001 at position 3`, or undefined. */
export function forbiddenXmlCharacter(text: string): string | undefined {
	const match = FORBIDDEN.exec(text);
	if (!match) return undefined;
	const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
	return `U+${code} at position ${match.index + 1}`;
}

/** Refuses a value bound for an XML document that XML 1.0 cannot carry, naming the field and the item. */
export function checkXmlText(node: INode, displayName: string, value: unknown, itemIndex: number): void {
	if (typeof value !== 'string') return;
	const found = forbiddenXmlCharacter(value);
	if (!found) return;
	throw new NodeOperationError(
		node,
		`${displayName} contains a character that XML cannot carry (${found}); item ${itemIndex}`,
		{
			itemIndex,
			description:
				'Control characters (other than tab and line breaks) and broken surrogate pairs cannot be sent in an XML request. Remove them from the value, e.g. with a Set node or .replace() in the expression.',
		},
	);
}

/**
 * Checks every string in a value bound for XML; `label` words the field for a key path, e.g.
 * `(path) => 'Address › City'`. Nested objects and arrays are walked.
 */
export function checkXmlFields(
	node: INode,
	value: unknown,
	itemIndex: number,
	label: (path: string[]) => string,
	path: string[] = [],
): void {
	if (typeof value === 'string') checkXmlText(node, label(path), value, itemIndex);
	else if (Array.isArray(value)) value.forEach((entry) => checkXmlFields(node, entry, itemIndex, label, path));
	else if (value !== null && typeof value === 'object') {
		for (const [key, entry] of Object.entries(value as IDataObject)) {
			checkXmlFields(node, entry, itemIndex, label, [...path, key]);
		}
	}
}
