/** Small open value types that every module may use: no entities, no services. */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package ke.baraza.shared;
