/**
 * A credentials helper that does what n8n's CLI `CredentialsHelper` does for a running
 * workflow, with an in-memory store in place of the database:
 * - `authenticate`: function-style, or generic (`IAuthenticateGeneric`) with `{{$credentials.x}}`
 *   expressions resolved through the workflow's expression engine;
 * - `preAuthentication`: runs when the first hidden `expirable` field is empty, when the
 *   engine reports the credential expired (after a 401), or during a credential test, then
 *   persists the result so later executions reuse it.
 * The store outlives single runs, so tests can prove a token is reused across executions.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper, isExpression } from 'n8n-workflow';

import { credentialType } from './registry';

interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

export class CredentialStore {
	private readonly byId = new Map<string, StoredCredential>();
	private nextId = 1;
	/** How often each credential's preAuthentication ran (logins / token requests). */
	readonly preAuthCount = new Map<string, number>();

	/** Stores credential data and returns the reference a workflow node uses. */
	add(type: string, data: ICredentialDataDecryptedObject, name = `${type} account`): INodeCredentialsDetails & { id: string } {
		const id = String(this.nextId++);
		this.byId.set(id, { id, name, type, data: { ...data } });
		return { id, name };
	}

	get(id: string): StoredCredential {
		const stored = this.byId.get(id);
		if (!stored) throw new Error(`No credential with id ${id}`);
		return stored;
	}

	data(id: string): ICredentialDataDecryptedObject {
		return { ...this.get(id).data };
	}

	update(id: string, data: ICredentialDataDecryptedObject): void {
		this.get(id).data = { ...data };
	}

	countPreAuth(id: string): void {
		this.preAuthCount.set(id, (this.preAuthCount.get(id) ?? 0) + 1);
	}
}

export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly store: CredentialStore) {
		super();
	}

	getParentTypes(name: string): string[] {
		const type = credentialType(name);
		const parents = type.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const type = credentialType(typeName);
		const authenticate = type.authenticate;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate && authenticate.type === 'generic') {
			if (!workflow || !node) throw new Error('Generic authentication needs the workflow and node');
			const resolve = (value: string) => {
				if (!isExpression(value)) return value;
				const resolved = workflow.expression.getSimpleParameterValue(
					node,
					value,
					'internal',
					{ $credentials: credentials },
					undefined,
					'',
				);
				return resolved ? String(resolved) : '';
			};
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
				target[outerKey] = target[outerKey] ?? {};
				for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
					target[outerKey][resolve(key)] = typeof value === 'string' ? resolve(value) : value;
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type: ICredentialType = credentialType(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials) return undefined;

		const reference = node.credentials?.[typeName];
		if (reference?.id) this.store.countPreAuth(reference.id);
		const output = (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
		if (output[expirable.name] === undefined) return undefined;
		if (reference?.id) {
			const stored = this.store.data(reference.id);
			const toPersist = { ...stored };
			for (const [key, value] of Object.entries(output)) {
				if (key === expirable.name || !isExpression(stored[key])) toPersist[key] = value;
			}
			this.store.update(reference.id, toPersist);
			return Object.assign(credentials, output);
		}
		return undefined;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = credentialType(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const stored = this.store.get(nodeCredentials.id!);
		const data = { ...stored.data };
		return {
			id: stored.id,
			name: stored.name,
			type,
			getData: () => ({ ...data }),
			getDataToSave: () => ({ id: stored.id, name: stored.name, type, data: '' }),
			setData: () => undefined,
		} as unknown as ICredentials;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.store.get(nodeCredentials.id!);
		if (stored.type !== type) throw new Error(`Credential ${stored.id} is of type ${stored.type}, not ${type}`);
		// Defaults first, as n8n applies them for fields the user never saved.
		const defaults: ICredentialDataDecryptedObject = {};
		for (const property of this.getCredentialsProperties(type)) {
			if (property.default !== undefined) defaults[property.name] = property.default as never;
		}
		return { ...defaults, ...stored.data };
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.update(nodeCredentials.id!, data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.update(nodeCredentials.id!, { ...this.store.data(nodeCredentials.id!), ...data });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credential = credentialType(type);
		const inherited = (credential.extends ?? []).flatMap((parent) => this.getCredentialsProperties(parent));
		return [...inherited, ...credential.properties];
	}
}
