import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { threeCxRequest } from '../../transport';
import { checkMaxUsers, idSourceFields, maxUsersField, runBulk } from './idSource';
import { showUser } from './locator';

const OPERATION = ['updateMany'];

/** Properties of Pbx.MultiEditUserData (the `user` of Pbx.MultiUserUpdate) in the 20.0.10 spec. */
const MULTI_EDIT_PROPERTIES = [
	'AgentSettings', 'AllowLanOnly', 'AllowOwnRecordings', 'Blfs', 'BossSecretaryRequiresFullEdit', 'CallScreening',
	'CanMoveForwardingExceptions', 'DatevEnabled', 'DisplayNumbers', 'EmergencyAdditionalInfo', 'EmergencyLocationId', 'Enabled',
	'EnableHotdesking', 'ForbidRecording', 'ForwardingExceptions', 'ForwardingProfiles', 'GoogleCalendarEnabled', 'GoogleContactsEnabled',
	'GoogleSignInEnabled', 'Greetings', 'Groups', 'HideInPhonebook', 'Internal', 'Mobile', 'MS365CalendarEnabled', 'MS365ContactsEnabled',
	'MS365SignInEnabled', 'MS365TeamsEnabled', 'MyPhoneAllowDeleteRecordings', 'MyPhoneHideForwardings', 'MyPhoneShowRecordings', 'Number',
	'PbxDeliversAudio', 'PinProtected', 'PinProtectTimeout', 'PromptSet', 'RecordCalls', 'RecordEmailNotify', 'RecordExternalCallsOnly',
	'SendEmailMissedCalls', 'SRTPMode', 'TranscriptionMode', 'VMDisablePinAuth', 'VMEmailOptions', 'VMEnabled', 'VMPlayCallerID',
	'VMPlayMsgDateTime',
];

/** Per-user properties that make no sense set to one value for many users, or replace lists. */
const NOT_FOR_MANY = ['Number', 'Groups', 'ForwardingProfiles', 'ForwardingExceptions', 'Greetings', 'Mobile'];

const bool = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'boolean',
	default: false,
	description,
});

export const description: INodeProperties[] = [
	...idSourceFields(OPERATION, 'update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showUser(OPERATION),
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
	maxUsersField(OPERATION, 'update'),
];

/** The `user` body (Pbx.MultiEditUserData), checked before any request. */
function multiEditBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	let extra: IDataObject = {};
	const json = fields.additionalJson;
	if (json !== undefined && json !== '' && json !== '{}') {
		let parsed: unknown = json;
		if (typeof json === 'string') {
			try {
				parsed = JSON.parse(json);
			} catch (error) {
				throw new NodeOperationError(ctx.getNode(), `"Other Properties (JSON)" in "Update Fields" of item ${itemIndex} is not valid JSON: ${(error as Error).message}`, { itemIndex });
			}
		}
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
			throw new NodeOperationError(ctx.getNode(), `"Other Properties (JSON)" in "Update Fields" of item ${itemIndex} must be a JSON object`, { itemIndex });
		}
		extra = parsed as IDataObject;
	}
	const body: IDataObject = { ...extra };
	for (const [key, value] of Object.entries(fields)) if (key !== 'additionalJson') body[key] = value;
	for (const key of Object.keys(body)) {
		if (NOT_FOR_MANY.includes(key)) {
			throw new NodeOperationError(ctx.getNode(), `"${key}" cannot be set for many users at once (item ${itemIndex})`, {
				itemIndex,
				description: 'Set per-user values with Update, and department memberships with Add to Department / Remove From Department.',
			});
		}
		if (!MULTI_EDIT_PROPERTIES.includes(key)) {
			throw new NodeOperationError(ctx.getNode(), `"${key}" is not a property 3CX can update for many users (Pbx.MultiEditUserData), in item ${itemIndex}`, {
				itemIndex,
				description: 'Property names are case-sensitive. Use Update for properties of one user.',
			});
		}
	}
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(ctx.getNode(), `Nothing to update in item ${itemIndex}: add at least one field under "Update Fields"`, { itemIndex });
	}
	return body;
}

/**
 * POST /Users/Pbx.MultiUserUpdate with `{"ids":[…], "user": Pbx.MultiEditUserData}` (204): one
 * request changes the same fields of many users (e.g. disable 200 leavers), as the admin
 * console's multi-edit does. MultiUserUpdate rather than Pbx.BulkUpdate: its body type lists
 * exactly the fields that are meant for many users, while BulkUpdate takes a whole Pbx.User.
 */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBulk(
		this,
		async (ids, itemIndex) => {
			checkMaxUsers(this, ids, itemIndex, 'update');
			const user = multiEditBody(this, itemIndex);
			await threeCxRequest.call(this, { method: 'POST', path: '/Users/Pbx.MultiUserUpdate', body: { ids, user } }, itemIndex);
			return { ids, count: ids.length, updated: user };
		},
		(itemIndex) => void multiEditBody(this, itemIndex),
	);
}
