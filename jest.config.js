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
	// A worker that ends with a heap of 500-800 MB (the engine and compare suites) takes longer to
	// exit than the 500 ms jest waits, and jest reports it as "failed to exit gracefully" although no
	// handle is open; a worker above this limit after a file is replaced by a fresh one instead.
	workerIdleMemoryLimit: '400MB',
};
