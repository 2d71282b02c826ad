/** oidc-provider ships no types: the test describes the little it uses where it uses it. */
declare module 'oidc-provider';
