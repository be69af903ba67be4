import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import { runBulk } from '../../helpers/bulk';
import { multiEditBody } from '../../helpers/multiEdit';
import { request } from '../../transport';
import { idSourceFields, maxUsersField } from './descriptions';

const bool = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'boolean',
	default: false,
	description,
});

const properties: INodeProperties[] = [
	...idSourceFields('update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The same values for every user; fields left out stay as they are on each user',
		options: [
			bool('AllowLanOnly', 'Allow LAN Only', 'Whether phones may register only from the local network'),
			bool('CallScreening', 'Call Screening', 'Whether callers must say their name first'),
			bool('Enabled', 'Enabled', 'Whether the extensions are enabled; off signs leavers out everywhere'),
			bool('ForbidRecording', 'Forbid Recording', 'Whether the users may not record calls'),
			bool('HideInPhonebook', 'Hide in Phonebook', 'Whether to hide the users from the company phonebook'),
			bool('Internal', 'Internal Only', 'Whether the extensions may only make internal calls'),
			{
				displayName: 'Other Properties (JSON)',
				name: 'additionalJson',
				type: 'json',
				default: '{}',
				description:
					'Other Pbx.MultiEditUserData properties as a JSON object, e.g. {"PinProtected": true}. Fields set above win over the same keys here.',
			},
			{
				displayName: 'Prompt Set',
				name: 'PromptSet',
				type: 'string',
				default: '',
				description: 'ID of the prompt set (language of the system prompts)',
			},
			bool('RecordCalls', 'Record Calls', 'Whether the users\' calls are recorded'),
			bool('SendEmailMissedCalls', 'Email Missed Calls', 'Whether the users get an e-mail for each missed call'),
			bool('VMEnabled', 'Voicemail Enabled', 'Whether voicemail is enabled'),
		],
	},
	maxUsersField('update'),
];

const displayOptions = { show: { resource: ['user'], operation: ['updateMany'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * POST /Users/Pbx.MultiUserUpdate with `{"ids":[…], "user": Pbx.MultiEditUserData}` (204): one
 * request changes the same fields of many users (e.g. disable 200 leavers), as the admin
 * console's multi-edit does. MultiUserUpdate rather than Pbx.BulkUpdate: its body type lists
 * exactly the fields that are meant for many users, while BulkUpdate takes a whole Pbx.User.
 */
export async function executeRun(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBulk(
		this,
		async (ids, itemIndex) => {
			const user = multiEditBody(this, itemIndex);
			await request(this, { method: 'POST', path: '/Users/Pbx.MultiUserUpdate', body: { ids, user } }, itemIndex);
			return { ids, count: ids.length, updated: user };
		},
		(itemIndex) => void multiEditBody(this, itemIndex),
		'update',
	);
}
