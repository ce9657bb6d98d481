SELECT gap_pp, epochs, sd_scenario, scenarios_alpha_05, scenarios_holm, holm_alpha, conversations_per_side, study_scenarios
FROM validity_sample_size
ORDER BY gap_pp, epochs
