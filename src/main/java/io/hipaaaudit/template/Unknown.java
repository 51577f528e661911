package io.hipaaaudit.template;

/**
 * A value the template does not settle before deploy: {@code why} names the intrinsic or reference that left it
 * open (e.g. {@code Fn::ImportValue SharedKeyArn}, {@code Ref DbPassword (no value, no Default)}).
 */
public record Unknown(String why) {
    /** {@code AWS::NoValue}: the property is removed, as CloudFormation does. */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };
}
