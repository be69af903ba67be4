/** The API's body fields as the editor names them, for messages that name the field the user filled in. */
export const FIELD_LABELS: Record<string, string> = {
	number: 'Extension Number',
	extid: 'Extension',
	extnumber: 'New Extension Number',
	username: 'Name',
	callerid: 'Caller ID',
	registerpassword: 'Register Password',
	maxregistrations: 'Max Registrations',
	loginpassword: 'User Password',
	email: 'Email',
	mobile: 'Mobile Number',
	hasvoicemail: 'Voicemail',
	vmsecret: 'Voicemail PIN',
	enablevmtoemail: 'Send Voicemail to Email',
	noanswerforward: 'Forward When No Answer',
	ntransferto: 'No Answer Destination',
	ntransferext: 'No Answer Extension',
	ntransferprefix: 'No Answer Prefix',
	ntransfernum: 'No Answer Number',
	busyforward: 'Forward When Busy',
	btransferto: 'Busy Destination',
	btransferext: 'Busy Extension',
	btransferprefix: 'Busy Prefix',
	btransfernum: 'Busy Number',
	enablemobile: 'Mobility Extension',
	ringsimultaneous: 'Ring Simultaneously',
	mobileprefix: 'Mobility Prefix',
	allowbeingmonitored: 'Allow Being Monitored',
	monitormode: 'Monitor Mode',
	ringtimeout: 'Ring Timeout',
	maxduration: 'Max Call Duration',
	dnd: 'Do Not Disturb',
};

/** A body field as the user sees it, e.g. "Register Password" for `registerpassword`. */
export function fieldLabel(field: string): string {
	return FIELD_LABELS[field] ?? field;
}
