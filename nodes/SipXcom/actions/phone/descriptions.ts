import type { INodeProperties } from 'n8n-workflow';

/** The phone reference of Get and Delete; each operation file scopes it with updateDisplayOptions. */
export const phoneIdProperty = (description: string): INodeProperties => ({
	displayName: 'Phone ID or MAC',
	name: 'phoneId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 0004f2ae4838 or 12',
	description,
});
