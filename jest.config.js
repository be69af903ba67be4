/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	setupFiles: ['<rootDir>/dev/harness/setup.ts'],
	testTimeout: 120000,
	// Sandboxes and the engine hold sockets and timers per file; workers keep files apart.
	maxWorkers: 2,
};
