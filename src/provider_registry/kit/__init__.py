"""Small shared pieces every domain uses: database session, errors, validation, security."""
