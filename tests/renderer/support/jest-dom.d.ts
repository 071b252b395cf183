// jest-dom's matchers on vitest's `expect`, for the type checkers: tests/setup-renderer.ts installs them at
// run time, but it sits outside the web tsconfig.
/// <reference types="@testing-library/jest-dom/vitest" />
