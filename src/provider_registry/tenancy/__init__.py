"""Organizations: groups of accounts that share deployments, with member roles."""
