-- Single sign-on matched by the user's id at the identity provider (issue 17), not by the email
-- address, which a provider may change or give to someone else. The first sign-in through a provider
-- finds the account by its address and asks to link it to the provider's id (the configured claim,
-- `sub` or Entra ID's `oid`); an administrator approves it, and from then on that id alone signs in
-- to the account. `provider` is the provider's id in OIDC_PROVIDERS.
CREATE TABLE user_provider_links (
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  provider text NOT NULL,
  subject text NOT NULL,
  -- The address the provider gave when the link was asked for: what the administrator approves.
  email text NOT NULL,
  requested_at timestamptz NOT NULL,
  -- Null while the request waits for an administrator.
  approved_at timestamptz,
  approved_by text,
  PRIMARY KEY (user_id, provider),
  UNIQUE (provider, subject),
  CHECK ((approved_at IS NULL) = (approved_by IS NULL))
);
