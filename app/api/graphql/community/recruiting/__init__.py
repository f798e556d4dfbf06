"""GraphQL of recruiting: prospects, invitation waves and referrals."""
