"""Usage of deployments in the current period, and invoices produced per period."""
