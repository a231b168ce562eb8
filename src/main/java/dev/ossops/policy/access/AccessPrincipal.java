package dev.ossops.policy.access;

import dev.ossops.policy.PolicyDocument;

import java.util.Optional;

/** Who an assertion is about. */
public sealed interface AccessPrincipal {

    /** For messages: {@code anonymous caller}, {@code RAM user app}, {@code role session uploader/any}. */
    String describe();

    /** An unsigned request from anywhere. */
    record Anonymous() implements AccessPrincipal {
        @Override
        public String describe() {
            return "anonymous caller";
        }
    }

    /** A RAM user of the account, by name. */
    record User(String name) implements AccessPrincipal {
        @Override
        public String describe() {
            return "RAM user " + name;
        }
    }

    /**
     * A session of a role of the account, narrowed by {@code sessionPolicy} when given (the Policy parameter of
     * AssumeRole); {@code sessionName} empty = any session.
     */
    record Role(String name, Optional<PolicyDocument> sessionPolicy, Optional<String> sessionName)
            implements AccessPrincipal {
        @Override
        public String describe() {
            return "role session " + name + "/" + sessionName.orElse("*")
                    + (sessionPolicy.isPresent() ? " with its session policy" : "");
        }
    }

    /** The root identity of an account: {@code id} empty = the account the facts describe. */
    record Account(Optional<String> id) implements AccessPrincipal {
        @Override
        public String describe() {
            return id.map(i -> "account " + i).orElse("the account itself");
        }
    }
}
