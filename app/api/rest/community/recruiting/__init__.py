"""REST resources of recruiting: prospects, invitation waves and referrals."""
