"""Invoicing's rules: usage (what a deployment has cost so far, from its agreed prices) and
invoices (a month's drafts, their numbers, payment)."""
