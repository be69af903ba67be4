import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { otherPropertiesJson } from './json';
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
	const extra = otherPropertiesJson(ctx, fields, itemIndex, 'Update Fields');
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
