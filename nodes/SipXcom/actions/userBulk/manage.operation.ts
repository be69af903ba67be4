import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import { readNumber } from '../../../shared/numbers';
import { request } from '../../transport';
import type { Json } from '../../transport/xml';
import { soapItems } from '../../transport/xml';
import { readSearch } from '../../helpers/search';
import { searchProperties } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Manage changes <b>every</b> user the search matches. The node first looks the matches up and refuses to go on when there are more than Maximum Matches.',
		name: 'manageNotice',
		type: 'notice',
		default: '',
	},
	...searchProperties('manage'),
	{
		displayName: 'Change',
		name: 'change',
		type: 'options',
		default: 'edit',
		options: [
			{ name: 'Add to Group', value: 'addGroup', description: 'Add the users to a group (created if missing)' },
			{ name: 'Change Branch', value: 'updateBranch', description: 'Move the users to a branch' },
			{ name: 'Delete Users', value: 'deleteUser', description: 'Delete the users' },
			{ name: 'Edit Properties', value: 'edit', description: 'Set fields such as first or last name' },
			{ name: 'Remove From Group', value: 'removeGroup', description: 'Remove the users from a group' },
		],
	},
	{
		displayName: 'Properties',
		name: 'properties',
		type: 'fixedCollection',
		placeholder: 'Add Property',
		typeOptions: { multipleValues: true },
		default: {},
		displayOptions: { show: { change: ['edit'] } },
		options: [
			{
				displayName: 'Property',
				name: 'values',
				values: [
					{
						displayName: 'Property',
						name: 'property',
						type: 'options',
						default: 'lastName',
						options: [
							{ name: 'Email Address', value: 'emailAddress' },
							{ name: 'First Name', value: 'firstName' },
							{ name: 'Last Name', value: 'lastName' },
							{ name: 'SIP Password', value: 'sipPassword' },
						],
						description: 'User field to set (SOAP <code>edit/property</code>)',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'New value for every matching user',
					},
				],
			},
		],
	},
	{
		displayName: 'Group Name',
		name: 'group',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. sales',
		displayOptions: { show: { change: ['addGroup', 'removeGroup'] } },
		description: 'Name of the user group',
	},
	{
		displayName: 'Branch Name or ID',
		name: 'branch',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getBranchNames' },
		default: '',
		required: true,
		displayOptions: { show: { change: ['updateBranch'] } },
		description:
			'Branch to move the users to (SOAP takes the branch name). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Confirm Deletion',
		name: 'confirmDelete',
		type: 'boolean',
		default: false,
		displayOptions: { show: { change: ['deleteUser'] } },
		description: 'Whether you understand that every user the search matches is deleted. Deletion is refused until this is on.',
	},
	{
		displayName: 'Maximum Matches',
		name: 'maxMatches',
		type: 'number',
		default: 10,
		typeOptions: { minValue: 1 },
		description:
			'Refuse (and change nothing) when the search matches more users than this. Raise it deliberately for large changes.',
	},
	{
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: false,
		description: 'Whether to only list the users that would be changed, without changing them',
	},
];

const displayOptions = { show: { resource: ['userBulk'], operation: ['manage'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

type Action = 'edit' | 'addGroup' | 'removeGroup' | 'updateBranch' | 'deleteUser';

function fail(ctx: IExecuteFunctions, itemIndex: number, message: string, description?: string): never {
	throw new NodeOperationError(ctx.getNode(), `${message} (item ${itemIndex})`, { itemIndex, description });
}

/** Builds the ManageUser change elements, validated before anything is sent. */
function changeElements(ctx: IExecuteFunctions, itemIndex: number, action: Action): Json {
	if (action === 'edit') {
		const values = (ctx.getNodeParameter('properties', itemIndex, {}) as { values?: Array<{ property: string; value: string }> })
			.values;
		if (!values?.length) fail(ctx, itemIndex, '"Properties" is empty: add at least one property to set');
		// Repeated <edit><property/><value/></edit> elements, in the order given.
		return { edit: values.map((v) => ({ property: v.property, value: String(v.value ?? '') })) };
	}
	if (action === 'deleteUser') {
		if (ctx.getNodeParameter('confirmDelete', itemIndex, false) !== true) {
			fail(ctx, itemIndex, 'Deletion is not confirmed', 'Turn on "Confirm Deletion" to delete every user the search matches.');
		}
		return { deleteUser: true };
	}
	const name = action === 'updateBranch' ? 'branch' : 'group';
	const display = action === 'updateBranch' ? 'Branch Name or ID' : 'Group Name';
	const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) fail(ctx, itemIndex, `"${display}" is empty`);
	return { [action]: value };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { search, searchBy, value } = readSearch(this, itemIndex);
	const action = this.getNodeParameter('change', itemIndex) as Action;
	const changes = changeElements(this, itemIndex, action);
	const maxMatches = readNumber(this, 'maxMatches', itemIndex, { displayName: 'Maximum Matches', min: 1, fallback: 10 });
	const dryRun = this.getNodeParameter('dryRun', itemIndex, false) as boolean;

	// Look the matches up with the very same search that ManageUser will apply.
	const found = await request(
		this,
		{ api: 'soap', service: 'UserService', operation: 'FindUser', content: { search }, idempotent: true },
		itemIndex,
	);
	const userNames = soapItems(found, 'users').map((u) => String(u.userName ?? ''));
	const summary: IDataObject = { action, searchBy, searchValue: value, matched: userNames.length, userNames };
	if (userNames.length === 0) return { ...summary, applied: false };
	if (userNames.length > maxMatches) {
		fail(
			this,
			itemIndex,
			`The search matches ${userNames.length} users, more than Maximum Matches (${maxMatches}); nothing was changed`,
			'Narrow the search, or raise "Maximum Matches" if you really mean to change all of them. Use Dry Run to see the matches.',
		);
	}
	if (dryRun) return { ...summary, applied: false, dryRun: true };
	await request(
		this,
		{ api: 'soap', service: 'UserService', operation: 'ManageUser', content: { search, ...changes }, idempotent: false },
		itemIndex,
	);
	return { ...summary, applied: true };
}
