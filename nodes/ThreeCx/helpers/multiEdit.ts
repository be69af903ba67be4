import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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

/** The `user` body (Pbx.MultiEditUserData), checked before any request. */
export function multiEditBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
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
