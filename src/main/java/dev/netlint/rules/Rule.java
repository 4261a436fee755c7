package dev.netlint.rules;

import dev.netlint.model.Model;

/** One check over the model. Implementations are stateless, annotated with {@link RuleInfo}. */
public interface Rule {
    void check(Model model, FindingSink out);

    default RuleInfo info() {
        RuleInfo info = getClass().getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(getClass().getName() + " lacks @RuleInfo");
        }
        return info;
    }
}
