-- The partnership view (issue 16): an administrator grants an account the dashboard of the whole
-- partnership (counts of every case; its lists still name only the cases the account may open).
-- One row while the grant stands, with who granted it and when; revoking deletes the row. Both are
-- audited (dashboards.partnership-view.grant and .revoke), so the trail keeps the history.
CREATE TABLE partnership_view_grants (
  user_id          text PRIMARY KEY REFERENCES users (id),
  granted_at       timestamptz NOT NULL,
  granted_by       text NOT NULL REFERENCES users (id),
  granted_by_name  text NOT NULL
);
