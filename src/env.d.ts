interface ImportMetaEnv {
  /** True only in the e2e build: exposes test hooks. */
  readonly RELANCE_TEST_HOOKS: boolean;
}
